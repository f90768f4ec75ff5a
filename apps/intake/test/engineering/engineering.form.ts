import 'reflect-metadata';
import { IsString, Matches, MaxLength } from 'class-validator';

/** Test-only procedure: an EPCI asks the département's engineering service for help on a project. */
export class EngineeringForm {
  @Matches(/^\d{5}$/, { message: 'doit être un code INSEE de commune (5 caractères)' })
  communeInsee: string;

  @IsString()
  @MaxLength(200)
  subject: string;
}
