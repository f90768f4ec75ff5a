import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { EvidenceStorage, ForeignEvidenceLocation } from './evidence-storage.js';

export interface S3StorageSettings {
  bucket: string;
  region: string;
  /** Empty for AWS itself; the address of any other S3-compatible store (MinIO, Garage, Scaleway, OVHcloud…). */
  endpoint?: string;
  /** Without them, the SDK's usual chain applies (AWS_ACCESS_KEY_ID…, instance or pod role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key`: what most self-hosted stores need. */
  forcePathStyle: boolean;
}

/**
 * Evidence in an S3-compatible object store, one object per file (`<application id>/<evidence id>`), through the
 * AWS SDK. Checksums are sent only where the protocol requires them, which every S3-compatible store accepts.
 */
export class S3EvidenceStorage extends EvidenceStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: S3StorageSettings) {
    super();
    this.bucket = settings.bucket;
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });
  }

  async verify(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      throw new Error(
        `Le compartiment S3 des pièces (EVIDENCE_S3_BUCKET=${this.bucket}) est inaccessible : vérifiez ` +
          'EVIDENCE_S3_ENDPOINT, la région, les clés d’accès et que le compartiment existe.',
        { cause: error },
      );
    }
  }

  async save(key: string, content: Uint8Array, contentType: string): Promise<string> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: content, ContentType: contentType }),
    );
    return `s3://${this.bucket}/${key}`;
  }

  async read(location: string): Promise<Uint8Array> {
    const answer = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(location) }),
    );
    if (!answer.Body) throw new Error(`Objet vide : ${location}`);
    return answer.Body.transformToByteArray();
  }

  async remove(location: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(location) }));
  }

  /** Closes the pooled connections when the service stops. */
  onApplicationShutdown(): void {
    this.client.destroy();
  }

  private keyOf(location: string): string {
    const prefix = `s3://${this.bucket}/`;
    if (!location.startsWith(prefix)) throw new ForeignEvidenceLocation(location, `S3 ${this.bucket}`);
    return location.slice(prefix.length);
  }
}
