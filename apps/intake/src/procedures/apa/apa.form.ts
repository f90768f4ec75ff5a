import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApaAddress, ApaBeneficiary, ApaCurrentHelp, ApaFiler, ApaSpouse } from './apa.form-parts.js';

export * from './apa.form-parts.js';

export const HOUSEHOLD_SITUATIONS = ['alone', 'couple'] as const;
export type HouseholdSituation = (typeof HOUSEHOLD_SITUATIONS)[number];

export const LIVING_ARRANGEMENTS = ['alone', 'spouse', 'family', 'other'] as const;
export type LivingArrangement = (typeof LIVING_ARRANGEMENTS)[number];

/** `pch`: prestation de compensation du handicap; `mtp`: majoration pour tierce personne; `caisse_retraite`: pension fund home aid. */
export const OTHER_BENEFITS = ['pch', 'mtp', 'caisse_retraite', 'aucune'] as const;
export type OtherBenefit = (typeof OTHER_BENEFITS)[number];

/** 1 000 000 € a month: above any household's resources, it only stops absurd figures. */
const MAX_MONTHLY_RESOURCES_CENTS = 100_000_000;

/** Living situation: it decides how resources are counted (a couple's are divided by 1.7, CASF R232-11). */
export class ApaHousehold {
  /** `alone` or `couple` (married, PACS or living together). */
  @IsIn(HOUSEHOLD_SITUATIONS)
  situation: HouseholdSituation;

  /** Who the beneficiary lives with: nobody, their spouse, family, or other people. */
  @IsIn(LIVING_ARRANGEMENTS)
  livesWith: LivingArrangement;
}

/** Resources of the household, from the last tax notice (*avis d'imposition*). */
export class ApaResources {
  /**
   * Monthly resources of the household in euro cents: the *revenu fiscal de référence* of the last tax notice
   * divided by 12, plus income from assets (*revenus du patrimoine*). They set the beneficiary's share of the
   * care plan (*participation*), not the eligibility.
   */
  @IsInt()
  @Min(0)
  @Max(MAX_MONTHLY_RESOURCES_CENTS)
  monthlyResourcesCents: number;

  /** Year of the tax notice the figure comes from (e.g. 2026 for the notice on 2025 income). */
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  taxNoticeYear?: number;
}

/**
 * The short autonomy questionnaire of the Cerfa: it does not decide the GIR (the medico-social team evaluates it at
 * home, on the AGGIR grid), it tells whether the request is for the département (APA) or the pension fund.
 */
export class ApaAutonomy {
  /** Needs help to wash (*toilette*). */
  @IsBoolean()
  needsHelpWashing: boolean;

  /** Needs help to dress. */
  @IsBoolean()
  needsHelpDressing: boolean;

  /** Needs help to eat (not to cook). */
  @IsBoolean()
  needsHelpEating: boolean;

  /** Needs help to move at home (getting up, walking, transfers). */
  @IsBoolean()
  needsHelpMoving: boolean;

  /** Needs help to go out of the home. */
  @IsBoolean()
  needsHelpGoingOut: boolean;

  /** Lives isolated (few visits, no family nearby): not a need for personal help by itself. */
  @IsBoolean()
  isolated: boolean;
}

/**
 * The APA à domicile request (*allocation personnalisée d'autonomie*, the département's allowance paying part of a
 * care plan at home for people aged 60 or more who lost autonomy), after Cerfa 16301*01. Filed by the person or by
 * someone for them; the GIR is not asked, the sworn statement is taken at submission.
 */
export class ApaForm {
  /** The person the allowance is for. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApaBeneficiary)
  beneficiary: ApaBeneficiary;

  /** The beneficiary's home. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApaAddress)
  address: ApaAddress;

  /** Who files, and how to reach them. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApaFiler)
  filer: ApaFiler;

  /** Living situation. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApaHousehold)
  household: ApaHousehold;

  /** The spouse or partner, required by the rules when `household.situation` is `couple`. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ApaSpouse)
  spouse?: ApaSpouse;

  /** Household resources. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApaResources)
  resources: ApaResources;

  /** Help received today. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApaCurrentHelp)
  currentHelp: ApaCurrentHelp;

  /** Other benefits received; `aucune` (none) when there is none, alone. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique({ message: 'ne doit pas contenir deux fois la même réponse' })
  @IsIn(OTHER_BENEFITS, { each: true })
  otherBenefits: OtherBenefit[];

  /** The autonomy questionnaire. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApaAutonomy)
  autonomy: ApaAutonomy;

  /**
   * Consent to the exchange of data with the pension funds and other administrations (*Dites-le-nous une fois*).
   * Refusing is allowed: the file then takes longer, as the documents must be asked for.
   */
  @IsBoolean()
  consentDataExchange: boolean;
}
