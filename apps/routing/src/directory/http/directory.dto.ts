import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PublicContact } from '#domain';

const TEAM_CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
const TEAM_CODE_MESSAGE = 'doit être un code d’équipe en majuscules (A-Z, 0-9, -), ex. CAS-BESSIN';

export class ContactsQuery {
  @ApiPropertyOptional({ description: 'Code INSEE de la commune (pas le code postal)', example: '14047' })
  @IsOptional()
  @Matches(/^\d[\dAB]\d{3}$/, { message: 'doit être un code INSEE de 5 caractères (ex. 14047)' })
  commune?: string;

  @ApiPropertyOptional({
    description: 'Code postal : plusieurs communes possibles, la liste est alors renvoyée',
    example: '14400',
  })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'doit être un code postal de 5 chiffres' })
  postalCode?: string;

  @ApiPropertyOptional({
    description: 'Nom de la commune (accents et majuscules indifférents) : des homonymes renvoient la liste',
    example: 'Bayeux',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  communeName?: string;

  @ApiProperty({
    description:
      'Thème (autonomie, handicap, enfance-famille, insertion, subventions-communes) ou démarche (apa, apcr)',
    example: 'autonomie',
  })
  @IsString()
  @MaxLength(64)
  topic: string;
}

export class TeamCodeParam {
  @Matches(TEAM_CODE, { message: TEAM_CODE_MESSAGE })
  code: string;
}

export class AgentSubjectParam {
  @IsString()
  @MaxLength(200)
  subject: string;
}

export class TeamRequest {
  @ApiProperty({ example: 'Circonscription d’action sociale du Bessin' })
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'territorial_office', description: 'territorial_office, desk, default…' })
  @IsString()
  @MaxLength(64)
  kind: string;

  @ApiProperty({
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string' },
      address: { type: 'string' },
      phone: { type: 'string' },
      email: { type: 'string', format: 'email' },
      hours: { type: 'string', description: 'Horaires d’ouverture, en clair' },
    },
  })
  @ValidateNested()
  @Type(() => PublicContact)
  contact: PublicContact;

  @ApiPropertyOptional({ description: 'L’équipe des dossiers qu’aucune règle ne couvre (une seule)' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class AgentRequest {
  @ApiProperty({ example: 'Alice Durand' })
  @IsString()
  @MaxLength(200)
  displayName: string;

  @ApiPropertyOptional({ example: 'alice.durand@calvados.fr' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiProperty({ type: [String], example: ['CAS-BESSIN'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @Matches(TEAM_CODE, { each: true, message: TEAM_CODE_MESSAGE })
  teamCodes: string[];
}
