import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** What intake needs to store its evidence there (EVIDENCE_STORAGE=s3 …). */
  variables: Record<string, string>;
  /** Keys of the objects in the bucket, read through the S3 API. */
  keys(): Promise<string[]>;
  /** An object's bytes, read through the S3 API. */
  object(key: string): Promise<Uint8Array>;
  stop(): Promise<void>;
}

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * A real S3-compatible server in the test process (the `s3rver` package: the S3 REST API over HTTP, objects in a
 * temporary folder) on a free loopback port, with one bucket.
 */
export async function startTestS3(bucket = 'guichet-evidence'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'guichet-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  let stopped = false;
  return {
    endpoint,
    bucket,
    variables: {
      EVIDENCE_STORAGE: 's3',
      EVIDENCE_S3_ENDPOINT: endpoint,
      EVIDENCE_S3_BUCKET: bucket,
      EVIDENCE_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      EVIDENCE_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    },
    async keys() {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((object) => object.Key ?? '');
    },
    async object(key) {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!answer.Body) throw new Error(`empty object ${key}`);
      return answer.Body.transformToByteArray();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
