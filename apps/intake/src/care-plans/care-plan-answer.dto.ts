import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CarePlanAnswerRequest {
  @ApiProperty({
    description: 'true : j’accepte le plan d’aide proposé ; false : je demande des modifications',
  })
  @IsBoolean()
  accept: boolean;

  @ApiPropertyOptional({
    description: 'Les modifications demandées (seulement avec accept = false)',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  requestedChanges?: string;
}
