import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsLegalDateString, IsPhone, PersonName } from '../form-fields.js';

export const FILER_ROLES = ['maire', 'adjoint', 'secretaire', 'autre_mandate'] as const;
export type ApcrFilerRole = (typeof FILER_ROLES)[number];

/** One project of each kind may be helped each year: one general, one energy or digital, one fire defence. */
export const PROJECT_CATEGORIES = ['general', 'energy_renovation', 'digital', 'fire_defence'] as const;
export type ApcrProjectCategory = (typeof PROJECT_CATEGORIES)[number];

export const GRANT_STATUSES = ['requested', 'obtained'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** 100 M€: above any small commune's project, it only stops absurd figures. */
export const MAX_AMOUNT_CENTS = 10_000_000_000;

/** The elected official or the agent who files for the commune, and how to reach them. */
export class ApcrFiler extends PersonName {
  /** `maire` (mayor), `adjoint` (deputy mayor), `secretaire` (*secrétaire de mairie*) or another mandated person. */
  @IsIn(FILER_ROLES)
  role: ApcrFilerRole;

  /** Where the département writes about the request (acknowledgement, requests, decision). */
  @IsEmail()
  email: string;

  /** Where to call the filer. */
  @IsOptional()
  @IsPhone()
  phone?: string;
}

/** The works to be helped: build, restore or develop a communal facility. */
export class ApcrProject {
  /** The yearly slot the project takes (see `PROJECT_CATEGORIES`). */
  @IsIn(PROJECT_CATEGORIES)
  category: ApcrProjectCategory;

  /** Short title ("Réfection de la toiture de l'église"). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  /** What will be done, where and why (the descriptive note, *note descriptive*). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description: string;

  /** Cost of the works excluding VAT (*hors taxes*, HT) in euro cents: at least 3 000 € HT. */
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_CENTS)
  costExcludingTaxCents: number;

  /** When the works should start, YYYY-MM-DD: not before the grant is notified. */
  @IsLegalDateString()
  plannedStartDate: string;
}

/** A grant from another funder (State DETR/DSIL, région, EU…), requested or obtained. */
export class ApcrOtherGrant {
  /** Who funds ("État — DETR", "Région Normandie"). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  funder: string;

  /** Amount in euro cents. */
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_CENTS)
  amountCents: number;

  /** `requested` (awaiting an answer) or `obtained` (granted). */
  @IsIn(GRANT_STATUSES)
  status: GrantStatus;
}

/** The financing plan (*plan de financement*): the grant asked, the commune's own funds, the other grants. */
export class ApcrFinancing {
  /** The APCR grant asked from the département, in euro cents. */
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_CENTS)
  requestedAmountCents: number;

  /** The commune's own funds (*autofinancement*: budget, loan), in euro cents. */
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_CENTS)
  ownFundingCents: number;

  /** Other grants requested or obtained for the same project; empty when there is none. */
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ApcrOtherGrant)
  otherGrants: ApcrOtherGrant[];
}
