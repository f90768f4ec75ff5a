import 'reflect-metadata';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';

export const PROCEDURE_CODE = /^[a-z][a-z0-9-]{1,30}$/;
export const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/;
export const LEGAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Who must be told: the person's subject (login id) and, where they gave one, the address to write to. */
export class Recipient {
  @IsString()
  @MaxLength(200)
  subject: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string;
}

export class PublicContact {
  @IsString()
  name: string;

  @IsOptional()
  @IsString()
  address?: string;

  @IsOptional()
  @IsString()
  phone?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsString()
  hours?: string;
}
