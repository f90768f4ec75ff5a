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
import { JSONSchema } from 'class-validator-jsonschema';
import { IsLegalDateString, IsPhone, PersonName } from '../form-fields.js';
import { FormPart, IN_CENTS, autocomplete, choices } from '../form-labels.js';

export const FILER_ROLES = ['maire', 'adjoint', 'secretaire', 'autre_mandate'] as const;
export type ApcrFilerRole = (typeof FILER_ROLES)[number];

/** One project of each kind may be helped each year: one general, one energy or digital, one fire defence. */
export const PROJECT_CATEGORIES = ['general', 'energy_renovation', 'digital', 'fire_defence'] as const;
export type ApcrProjectCategory = (typeof PROJECT_CATEGORIES)[number];

export const GRANT_STATUSES = ['requested', 'obtained'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

const FILER_ROLE_LABELS: Record<ApcrFilerRole, string> = {
  maire: 'Maire',
  adjoint: 'Adjoint ou adjointe au maire',
  secretaire: 'Secrétaire de mairie',
  autre_mandate: 'Autre personne mandatée par la commune',
};

const PROJECT_CATEGORY_LABELS: Record<ApcrProjectCategory, string> = {
  general: 'Projet général (bâtiment communal, voirie, accessibilité, église, cimetière…)',
  energy_renovation: 'Rénovation énergétique',
  digital: 'Numérique',
  fire_defence: 'Défense extérieure contre l’incendie',
};

const GRANT_STATUS_LABELS: Record<GrantStatus, string> = {
  requested: 'Demandée, en attente de réponse',
  obtained: 'Obtenue',
};

/** 100 M€: above any small commune's project, it only stops absurd figures. */
export const MAX_AMOUNT_CENTS = 10_000_000_000;

/** The elected official or the agent who files for the commune, and how to reach them. */
@FormPart({
  title: 'Personne qui dépose la demande',
  description: 'L’élu ou l’agent qui dépose la demande au nom de la commune : le Département lui écrira.',
  inheritedFields: { firstName: autocomplete('given-name'), lastName: autocomplete('family-name') },
})
export class ApcrFiler extends PersonName {
  /** `maire` (mayor), `adjoint` (deputy mayor), `secretaire` (*secrétaire de mairie*) or another mandated person. */
  @JSONSchema({ title: 'Fonction', ...choices(FILER_ROLES, FILER_ROLE_LABELS) })
  @IsIn(FILER_ROLES)
  role: ApcrFilerRole;

  /** Where the département writes about the request (acknowledgement, requests, decision). */
  @JSONSchema({
    title: 'Adresse e-mail',
    description: 'L’accusé de réception, les demandes de pièces et la décision y seront envoyés.',
    ...autocomplete('email'),
  })
  @IsEmail()
  email: string;

  /** Where to call the filer. */
  @JSONSchema({
    title: 'Numéro de téléphone',
    description: 'Pour vous joindre si une information manque.',
    ...autocomplete('tel'),
  })
  @IsOptional()
  @IsPhone()
  phone?: string;
}

/** The works to be helped: build, restore or develop a communal facility. */
@FormPart({
  title: 'Le projet',
  description:
    'Les travaux pour lesquels la commune demande l’aide : construire, rénover ou aménager un équipement.',
})
export class ApcrProject {
  /** The yearly slot the project takes (see `PROJECT_CATEGORIES`). */
  @JSONSchema({
    title: 'Type de projet',
    description:
      'Chaque année, une commune peut présenter au plus un projet général, un projet de rénovation énergétique ' +
      'ou numérique, et un projet de défense incendie.',
    ...choices(PROJECT_CATEGORIES, PROJECT_CATEGORY_LABELS),
  })
  @IsIn(PROJECT_CATEGORIES)
  category: ApcrProjectCategory;

  /** Short title ("Réfection de la toiture de l'église"). */
  @JSONSchema({
    title: 'Intitulé du projet',
    description: 'Par exemple : Réfection de la toiture de l’église.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  /** What will be done, where and why (the descriptive note, *note descriptive*). */
  @JSONSchema({ title: 'Description des travaux', description: 'Ce qui sera fait, où et pourquoi.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description: string;

  /** Cost of the works excluding VAT (*hors taxes*, HT) in euro cents: at least 3 000 € HT. */
  @JSONSchema({
    title: 'Coût des travaux hors taxes (HT)',
    description: 'Le total hors taxes des devis. Il doit être d’au moins 3 000 € HT.',
    ...IN_CENTS,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_CENTS)
  costExcludingTaxCents: number;

  /** When the works should start, YYYY-MM-DD: not before the grant is notified. */
  @JSONSchema({
    title: 'Date prévue du début des travaux',
    description: 'Les travaux ne doivent pas commencer avant que la subvention soit notifiée.',
  })
  @IsLegalDateString()
  plannedStartDate: string;
}

/** A grant from another funder (State DETR/DSIL, région, EU…), requested or obtained. */
@FormPart({ title: 'Autre subvention' })
export class ApcrOtherGrant {
  /** Who funds ("État — DETR", "Région Normandie"). */
  @JSONSchema({ title: 'Financeur', description: 'Par exemple : État — DETR, Région Normandie.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  funder: string;

  /** Amount in euro cents. */
  @JSONSchema({ title: 'Montant', ...IN_CENTS })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_CENTS)
  amountCents: number;

  /** `requested` (awaiting an answer) or `obtained` (granted). */
  @JSONSchema({ title: 'Où en est cette subvention ?', ...choices(GRANT_STATUSES, GRANT_STATUS_LABELS) })
  @IsIn(GRANT_STATUSES)
  status: GrantStatus;
}

/** The financing plan (*plan de financement*): the grant asked, the commune's own funds, the other grants. */
@FormPart({
  title: 'Plan de financement',
  description:
    'L’aide demandée, les fonds de la commune et les autres subventions doivent couvrir exactement le coût des ' +
    'travaux hors taxes.',
})
export class ApcrFinancing {
  /** The APCR grant asked from the département, in euro cents. */
  @JSONSchema({
    title: 'Montant de l’aide demandée au Département',
    description: 'Il ne peut pas dépasser le coût des travaux.',
    ...IN_CENTS,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_CENTS)
  requestedAmountCents: number;

  /** The commune's own funds (*autofinancement*: budget, loan), in euro cents. */
  @JSONSchema({
    title: 'Autofinancement de la commune',
    description:
      'Le budget de la commune et ses emprunts. Il doit représenter au moins 20 % des financements publics du projet.',
    ...IN_CENTS,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_CENTS)
  ownFundingCents: number;

  /** Other grants requested or obtained for the same project; empty when there is none. */
  @JSONSchema({
    title: 'Autres subventions',
    description:
      'Les subventions demandées ou obtenues pour ce projet auprès d’autres financeurs (État, Région, Europe…). ' +
      'N’en ajoutez aucune s’il n’y en a pas.',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ApcrOtherGrant)
  otherGrants: ApcrOtherGrant[];
}
