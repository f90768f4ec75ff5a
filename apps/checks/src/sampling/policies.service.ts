import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ValidationFailed } from '#domain';
import { Clock } from '#platform';
import { appendAudit } from '../audit/audit-log.repository.js';
import type { ChecksConfig } from '../checks.config.js';
import { CHECKS_CONFIG } from '../checks.tokens.js';
import type { PolicyRequest } from '../http/checks.dto.js';
import { addPolicyVersion, policyAt, type PolicyVersion, policyVersions } from './policies.repository.js';
import { policyProblems, type SamplingPolicy } from './sampling.rules.js';

@Injectable()
export class PoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(CHECKS_CONFIG) private readonly config: ChecksConfig,
  ) {}

  async history(procedure: string): Promise<{ current: SamplingPolicy; versions: number[] }> {
    const manager = this.dataSource.manager;
    const versions: { version: number }[] = await manager.query(
      'SELECT version FROM checks.sampling_policies WHERE procedure = $1 ORDER BY version',
      [procedure],
    );
    return {
      current: await policyAt(manager, procedure, undefined, this.config.CHECKS_DEFAULT_RATE),
      versions: versions.map((row) => row.version),
    };
  }

  /** Every recorded version, newest first, with its rules, author and date (none: the configured default applies). */
  versions(procedure: string): Promise<PolicyVersion[]> {
    return policyVersions(this.dataSource.manager, procedure);
  }

  async addVersion(actor: string, procedure: string, request: PolicyRequest): Promise<SamplingPolicy> {
    const definition = {
      baseRate: request.baseRate,
      floor: request.floor,
      ceiling: request.ceiling,
      rules: request.rules.map((rule) => ({ ...rule })),
    };
    const problems = policyProblems(definition);
    if (problems.length > 0) throw new ValidationFailed(problems);
    return this.dataSource.transaction(async (manager) => {
      const policy = await addPolicyVersion(manager, procedure, definition, actor);
      await appendAudit(manager, {
        at: this.clock.now(),
        actor,
        action: 'politique modifiée',
        applicationId: null,
        details: { ...policy },
      });
      return policy;
    });
  }
}
