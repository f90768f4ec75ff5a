import 'reflect-metadata';
import { IsArray, IsBoolean, IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * Routing's directory tells the others what they keep a copy of: a team's name and mailbox (notifications write to
 * it), published on every change and for every team at first seeding. `removed` marks a team taken out.
 */
export class DirectoryTeamUpdatedV1 {
  @IsString() @MaxLength(64) code: string;
  @IsString() @MaxLength(200) name: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsBoolean() removed?: boolean;
}

/** An agent's login subject, name, e-mail and teams, published on every change (`removed` when taken out). */
export class DirectoryAgentUpdatedV1 {
  @IsString() @MaxLength(200) subject: string;
  @IsString() @MaxLength(200) displayName: string;
  @IsOptional() @IsEmail() email?: string;
  @IsArray() @IsString({ each: true }) teamCodes: string[];
  @IsOptional() @IsBoolean() removed?: boolean;
}
