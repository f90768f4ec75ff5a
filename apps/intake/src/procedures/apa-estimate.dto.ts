import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ApaEstimateRequest {
  @ApiProperty({
    oneOf: [
      { type: 'integer', enum: [1, 2, 3, 4] },
      { type: 'string', enum: ['unknown'] },
    ],
    description: 'GIR évalué (1 à 4, nombre), ou « unknown » pour les quatre estimations',
  })
  @IsIn([1, 2, 3, 4, 'unknown'])
  gir: 1 | 2 | 3 | 4 | 'unknown';

  @ApiProperty({ description: 'Ressources mensuelles du foyer, en centimes' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  monthlyResourcesCents: number;

  @ApiProperty({ enum: ['alone', 'couple'] })
  @IsIn(['alone', 'couple'])
  household: 'alone' | 'couple';

  @ApiPropertyOptional({
    description: 'Montant mensuel du plan d’aide, en centimes (par défaut : le plafond)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  planCents?: number;

  @ApiPropertyOptional({ description: 'Date des paramètres (AAAA-MM-JJ), par défaut aujourd’hui' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'doit être une date au format AAAA-MM-JJ' })
  date?: string;
}
