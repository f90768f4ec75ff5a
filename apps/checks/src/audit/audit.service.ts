import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type ChainVerdict, verifyChain } from './audit-chain.rules.js';
import { readAuditLog } from './audit-log.repository.js';

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(): Promise<ChainVerdict> {
    return verifyChain(await readAuditLog(this.dataSource.manager));
  }
}
