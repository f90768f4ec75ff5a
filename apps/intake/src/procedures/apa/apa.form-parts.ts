import 'reflect-metadata';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { INSEE_CODE } from '#domain';
import { IsLegalDateString, IsPhone, PersonName } from '../form-fields.js';

export const CIVILITIES = ['madame', 'monsieur'] as const;
export type Civility = (typeof CIVILITIES)[number];

export const NATIONALITIES = ['francaise', 'ue', 'autre'] as const;
export type Nationality = (typeof NATIONALITIES)[number];

export const FILER_KINDS = ['self', 'relative', 'guardian'] as const;
export type FilerKind = (typeof FILER_KINDS)[number];

const NAME_MAX_LENGTH = 100;
const POSTAL_CODE = /^\d{5}$/;

/** The person the allowance is for (Cerfa part « Identité du demandeur »). */
export class ApaBeneficiary extends PersonName {
  /** Civility as written on official mail. */
  @IsIn(CIVILITIES)
  civility: Civility;

  /** Name at birth (*nom de naissance*), when different from the name in use. */
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX_LENGTH)
  birthName?: string;

  /** Date of birth, YYYY-MM-DD: the age on the filing date decides eligibility (60 or more). */
  @IsLegalDateString()
  birthDate: string;

  /** Nationality: French, another EU/EEA country or Switzerland, or another country (residence permit). */
  @IsOptional()
  @IsIn(NATIONALITIES)
  nationality?: Nationality;

  /** Where to write to the beneficiary when they file themselves. */
  @IsOptional()
  @IsEmail()
  email?: string;

  /** Where to call the beneficiary when they file themselves. */
  @IsOptional()
  @IsPhone()
  phone?: string;
}

/** The beneficiary's home: the commune (INSEE code) decides the paying département and the team. */
export class ApaAddress {
  /** Number and street. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  line1: string;

  /** Building, staircase, place called (*lieu-dit*)… */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  line2?: string;

  /** Postal code: it must be one of the commune's (a postal code covers several communes). */
  @Matches(POSTAL_CODE, { message: 'doit être un code postal à 5 chiffres' })
  postalCode: string;

  /** INSEE code of the commune (*code officiel géographique*), not the postal code. */
  @Matches(INSEE_CODE, { message: 'doit être un code INSEE de commune (5 caractères)' })
  communeInsee: string;
}

/** Who fills the form: the beneficiary, a relative, or a legal guardian (*tuteur*, *curateur*). */
export class ApaFiler {
  /** `self`: the beneficiary files; `relative`: a family member or close person; `guardian`: a legal guardian. */
  @IsIn(FILER_KINDS)
  kind: FilerKind;

  /** First name of the person filing for the beneficiary (required unless `kind` is `self`). */
  @ValidateIf((filer: ApaFiler, value: unknown) => filer.kind !== 'self' || value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  firstName?: string;

  /** Last name of the person filing for the beneficiary (required unless `kind` is `self`). */
  @ValidateIf((filer: ApaFiler, value: unknown) => filer.kind !== 'self' || value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  lastName?: string;

  /** Link with the beneficiary, in the filer's words ("fille", "voisin", "mandataire judiciaire"). */
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX_LENGTH)
  relationship?: string;

  /** Where to write to the filer; with `phone`, at least one is needed when filing for someone else. */
  @IsOptional()
  @IsEmail()
  email?: string;

  /** Where to call the filer. */
  @IsOptional()
  @IsPhone()
  phone?: string;
}

/** The beneficiary's spouse or partner (*conjoint, concubin ou partenaire de PACS*), asked for a couple. */
export class ApaSpouse extends PersonName {
  /** Date of birth, YYYY-MM-DD. */
  @IsLegalDateString()
  birthDate: string;
}

/** Help the beneficiary already receives at home. */
export class ApaCurrentHelp {
  /** A home help service (*aide à domicile*: housework, meals, personal care). */
  @IsBoolean()
  homeHelp: boolean;

  /** Home nursing (*soins infirmiers*, SSIAD). */
  @IsBoolean()
  nursing: boolean;

  /** Any other help, in the filer's words (family carer, meals on wheels…). */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  other?: string;
}
