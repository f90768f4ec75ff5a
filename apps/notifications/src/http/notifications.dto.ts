import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '#platform';
import { MESSAGE_STATUSES } from '../messages/delivery.rules.js';

export { PageQuery };

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
