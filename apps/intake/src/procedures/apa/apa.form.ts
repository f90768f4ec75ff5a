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
import { JSONSchema } from 'class-validator-jsonschema';
import { FormPart, IN_CENTS, askedWhen, choices } from '../form-labels.js';
import { ApaAddress, ApaBeneficiary, ApaCurrentHelp, ApaFiler, ApaSpouse } from './apa.form-parts.js';

export * from './apa.form-parts.js';

export const HOUSEHOLD_SITUATIONS = ['alone', 'couple'] as const;
export type HouseholdSituation = (typeof HOUSEHOLD_SITUATIONS)[number];

export const LIVING_ARRANGEMENTS = ['alone', 'spouse', 'family', 'other'] as const;
export type LivingArrangement = (typeof LIVING_ARRANGEMENTS)[number];

/** `pch`: prestation de compensation du handicap; `mtp`: majoration pour tierce personne; `caisse_retraite`: pension fund home aid. */
export const OTHER_BENEFITS = ['pch', 'mtp', 'caisse_retraite', 'aucune'] as const;
export type OtherBenefit = (typeof OTHER_BENEFITS)[number];

const HOUSEHOLD_SITUATION_LABELS: Record<HouseholdSituation, string> = {
  alone: 'Seule (célibataire, veuve, divorcée ou séparée)',
  couple: 'En couple (mariage, PACS ou concubinage)',
};

const LIVING_ARRANGEMENT_LABELS: Record<LivingArrangement, string> = {
  alone: 'Seule',
  spouse: 'Avec son conjoint',
  family: 'Avec de la famille',
  other: 'Avec d’autres personnes',
};

const OTHER_BENEFIT_LABELS: Record<OtherBenefit, string> = {
  pch: 'La prestation de compensation du handicap (PCH)',
  mtp: 'La majoration pour tierce personne (MTP)',
  caisse_retraite: 'Une aide à domicile de sa caisse de retraite',
  aucune: 'Aucune de ces aides',
};

/** 1 000 000 € a month: above any household's resources, it only stops absurd figures. */
const MAX_MONTHLY_RESOURCES_CENTS = 100_000_000;

/** Living situation: it decides how resources are counted (a couple's are divided by 1.7, CASF R232-11). */
@FormPart({
  title: 'Situation familiale',
  description:
    'Elle compte pour le calcul de la participation : les ressources d’un couple sont prises ensemble.',
})
export class ApaHousehold {
  /** `alone` or `couple` (married, PACS or living together). */
  @JSONSchema({
    title: 'La personne âgée vit-elle en couple ?',
    ...choices(HOUSEHOLD_SITUATIONS, HOUSEHOLD_SITUATION_LABELS),
  })
  @IsIn(HOUSEHOLD_SITUATIONS)
  situation: HouseholdSituation;

  /** Who the beneficiary lives with: nobody, their spouse, family, or other people. */
  @JSONSchema({ title: 'Avec qui vit-elle ?', ...choices(LIVING_ARRANGEMENTS, LIVING_ARRANGEMENT_LABELS) })
  @IsIn(LIVING_ARRANGEMENTS)
  livesWith: LivingArrangement;
}

/** Resources of the household, from the last tax notice (*avis d'imposition*). */
@FormPart({
  title: 'Ressources du foyer',
  description:
    'Elles ne décident pas du droit à l’allocation, mais de la part du plan d’aide qui restera à payer. ' +
    'Munissez-vous du dernier avis d’imposition.',
})
export class ApaResources {
  /**
   * Monthly resources of the household in euro cents: the *revenu fiscal de référence* of the last tax notice
   * divided by 12, plus income from assets (*revenus du patrimoine*). They set the beneficiary's share of the
   * care plan (*participation*), not the eligibility.
   */
  @JSONSchema({
    title: 'Ressources mensuelles du foyer',
    description:
      'Le revenu fiscal de référence, indiqué sur la première page du dernier avis d’imposition, divisé par 12, ' +
      'plus les revenus du patrimoine. Pour un couple, ceux des deux personnes.',
    ...IN_CENTS,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_MONTHLY_RESOURCES_CENTS)
  monthlyResourcesCents: number;

  /** Year of the tax notice the figure comes from (e.g. 2026 for the notice on 2025 income). */
  @JSONSchema({
    title: 'Année de l’avis d’imposition',
    description: 'Par exemple 2026 pour l’avis reçu en 2026 sur les revenus de 2025.',
  })
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
@FormPart({
  title: 'Besoins d’aide au quotidien',
  description:
    'Ces réponses ne fixent pas le degré de perte d’autonomie : une équipe du Département l’évaluera lors ' +
    'd’une visite à domicile.',
})
export class ApaAutonomy {
  /** Needs help to wash (*toilette*). */
  @JSONSchema({ title: 'A-t-elle besoin d’aide pour se laver ?' })
  @IsBoolean()
  needsHelpWashing: boolean;

  /** Needs help to dress. */
  @JSONSchema({ title: 'A-t-elle besoin d’aide pour s’habiller ?' })
  @IsBoolean()
  needsHelpDressing: boolean;

  /** Needs help to eat (not to cook). */
  @JSONSchema({
    title: 'A-t-elle besoin d’aide pour manger ?',
    description: 'Pour prendre ses repas, pas pour les préparer.',
  })
  @IsBoolean()
  needsHelpEating: boolean;

  /** Needs help to move at home (getting up, walking, transfers). */
  @JSONSchema({
    title: 'A-t-elle besoin d’aide pour se déplacer chez elle ?',
    description: 'Se lever, marcher, passer du lit au fauteuil.',
  })
  @IsBoolean()
  needsHelpMoving: boolean;

  /** Needs help to go out of the home. */
  @JSONSchema({ title: 'A-t-elle besoin d’aide pour sortir de chez elle ?' })
  @IsBoolean()
  needsHelpGoingOut: boolean;

  /** Lives isolated (few visits, no family nearby): not a need for personal help by itself. */
  @JSONSchema({ title: 'Vit-elle isolée ?', description: 'Peu de visites, pas de famille à proximité.' })
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
  @JSONSchema(askedWhen('household.situation', 'couple'))
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
  @JSONSchema({
    title: 'Perçoit-elle déjà l’une de ces aides ?',
    description: 'Cochez toutes celles qu’elle perçoit, ou « Aucune de ces aides ».',
    items: choices(OTHER_BENEFITS, OTHER_BENEFIT_LABELS),
  })
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
  @JSONSchema({
    title:
      'Acceptez-vous que le Département échange les informations utiles à la demande avec les caisses de ' +
      'retraite et les autres administrations ?',
    description:
      'Vous n’aurez pas à fournir les justificatifs qu’elles ont déjà. Vous pouvez refuser : des justificatifs ' +
      'vous seront alors demandés et l’instruction sera plus longue.',
  })
  @IsBoolean()
  consentDataExchange: boolean;
}
