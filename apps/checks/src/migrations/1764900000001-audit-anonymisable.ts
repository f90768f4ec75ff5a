import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GENESIS_HASH, sealEntry } from '../audit/audit-chain.rules.js';
import { readAuditLog } from '../audit/audit-log.repository.js';

/**
 * The audit chain made anonymisable (GDPR art. 5-1-e): each entry's details are sealed under a salted digest that
 * the chain covers, so that a file's entries can have their details erased when its time is over and the chain still
 * verify. Existing entries are sealed again in order. The database still refuses any other change and any deletion.
 */
export class AuditAnonymisable1764900000001 implements MigrationInterface {
  name = 'AuditAnonymisable1764900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_log_append_only ON checks.audit_log');
    await queryRunner.query(
      'ALTER TABLE checks.audit_log ADD COLUMN details_digest text, ADD COLUMN details_salt text',
    );
    let prevHash = GENESIS_HASH;
    for (const entry of await readAuditLog(queryRunner.manager)) {
      const sealed = sealEntry(prevHash, {
        seq: entry.seq,
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        applicationId: entry.applicationId,
        details: entry.details,
      });
      await queryRunner.query(
        `UPDATE checks.audit_log SET details_digest = $2, details_salt = $3, prev_hash = $4, hash = $5 WHERE seq = $1`,
        [entry.seq, sealed.detailsDigest, sealed.detailsSalt, prevHash, sealed.hash],
      );
      prevHash = sealed.hash;
    }
    await queryRunner.query('ALTER TABLE checks.audit_log ALTER COLUMN details_digest SET NOT NULL');
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE DELETE OR TRUNCATE ON checks.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION checks.audit_log_append_only()`);
    // The one change allowed: erasing an entry's details and salt, nothing else.
    await queryRunner.query(`
      CREATE FUNCTION checks.audit_log_only_anonymised() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.details = '{}'::jsonb AND NEW.details_salt IS NULL
           AND (NEW.seq, NEW.at, NEW.actor, NEW.action, NEW.application_id, NEW.details_digest, NEW.prev_hash, NEW.hash)
               IS NOT DISTINCT FROM
               (OLD.seq, OLD.at, OLD.actor, OLD.action, OLD.application_id, OLD.details_digest, OLD.prev_hash, OLD.hash)
        THEN RETURN NEW;
        END IF;
        RAISE EXCEPTION 'checks.audit_log is append-only: only the details of an entry may be erased';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_only_anonymised BEFORE UPDATE ON checks.audit_log
      FOR EACH ROW EXECUTE FUNCTION checks.audit_log_only_anonymised()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_log_only_anonymised ON checks.audit_log');
    await queryRunner.query('DROP FUNCTION checks.audit_log_only_anonymised()');
    await queryRunner.query('DROP TRIGGER audit_log_append_only ON checks.audit_log');
    await queryRunner.query(
      'ALTER TABLE checks.audit_log DROP COLUMN details_digest, DROP COLUMN details_salt',
    );
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON checks.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION checks.audit_log_append_only()`);
  }
}
