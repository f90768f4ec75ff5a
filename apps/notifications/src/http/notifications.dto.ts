import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { MESSAGE_STATUSES } from '../messages/delivery.rules.js';

export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export class MessageIdParam {
  @IsUUID()
  id: string;
}

const STATUS_LIST = new RegExp(`^(${MESSAGE_STATUSES.join('|')})(,(${MESSAGE_STATUSES.join('|')}))*$`);

export class AdminMessagesQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Statuts séparés par des virgules (par défaut : permanent-failure,technical-failure)',
    example: 'permanent-failure,technical-failure',
  })
  @IsOptional()
  @Matches(STATUS_LIST, { message: `doit être une liste de statuts parmi ${MESSAGE_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Les messages d’un dossier' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;
}

export class PreferencesRequest {
  @ApiProperty({
    enum: ['immediate', 'digest'],
    description:
      'immediate : un courriel par nouveau dossier ou échéance ; digest : un récapitulatif quotidien',
  })
  @IsIn(['immediate', 'digest'])
  agentDelivery: 'immediate' | 'digest';
}
