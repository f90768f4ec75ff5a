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
import { JSONSchema } from 'class-validator-jsonschema';
import { INSEE_CODE } from '#domain';
import { IsBirthDateString, IsPhone, PersonName } from '../form-fields.js';
import { COMMUNE_FIELD, FormPart, autocomplete, choices } from '../form-labels.js';

export const CIVILITIES = ['madame', 'monsieur'] as const;
export type Civility = (typeof CIVILITIES)[number];

export const NATIONALITIES = ['francaise', 'ue', 'autre'] as const;
export type Nationality = (typeof NATIONALITIES)[number];

export const FILER_KINDS = ['self', 'relative', 'guardian'] as const;
export type FilerKind = (typeof FILER_KINDS)[number];

const CIVILITY_LABELS: Record<Civility, string> = { madame: 'Madame', monsieur: 'Monsieur' };

const NATIONALITY_LABELS: Record<Nationality, string> = {
  francaise: 'Française',
  ue: 'D’un autre pays de l’Union européenne, de l’Espace économique européen ou Suisse',
  autre: 'D’un autre pays',
};

const FILER_KIND_LABELS: Record<FilerKind, string> = {
  self: 'La personne âgée elle-même',
  relative: 'Un proche (famille, ami, voisin)',
  guardian: 'Son tuteur, son curateur ou son mandataire judiciaire',
};

const FOR_SOMEONE_ELSE = 'Obligatoire si vous faites la demande pour quelqu’un d’autre.';
const WHEN_FILING_ALONE =
  'Seulement si la personne âgée fait la demande elle-même. Sinon, vos coordonnées sont demandées plus loin.';

const NAME_MAX_LENGTH = 100;
const POSTAL_CODE = /^\d{5}$/;

/** The person the allowance is for (Cerfa part « Identité du demandeur »). */
@FormPart({
  title: 'Identité de la personne âgée',
  description:
    'La personne qui recevra l’allocation. Si vous faites la demande pour un proche, indiquez son identité, pas la vôtre.',
  inheritedFields: {
    lastName: {
      title: 'Nom d’usage',
      description: 'Le nom utilisé aujourd’hui, par exemple le nom d’épouse.',
    },
  },
  firstFields: ['civility'],
})
export class ApaBeneficiary extends PersonName {
  /** Civility as written on official mail. */
  @JSONSchema({ title: 'Civilité', ...choices(CIVILITIES, CIVILITY_LABELS) })
  @IsIn(CIVILITIES)
  civility: Civility;

  /** Name at birth (*nom de naissance*), when different from the name in use. */
  @JSONSchema({ title: 'Nom de naissance', description: 'S’il est différent du nom d’usage.' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX_LENGTH)
  birthName?: string;

  /** Date of birth, YYYY-MM-DD: the age on the filing date decides eligibility (60 or more). */
  @JSONSchema({
    title: 'Date de naissance',
    description: 'L’allocation est réservée aux personnes de 60 ans ou plus.',
  })
  @IsBirthDateString()
  birthDate: string;

  /** Nationality: French, another EU/EEA country or Switzerland, or another country (residence permit). */
  @JSONSchema({
    title: 'Nationalité',
    description:
      'Une personne d’un autre pays doit résider en France avec un titre de séjour en cours de validité.',
    ...choices(NATIONALITIES, NATIONALITY_LABELS),
  })
  @IsOptional()
  @IsIn(NATIONALITIES)
  nationality?: Nationality;

  /** Where to write to the beneficiary when they file themselves. */
  @JSONSchema({ title: 'Adresse e-mail', description: WHEN_FILING_ALONE })
  @IsOptional()
  @IsEmail()
  email?: string;

  /** Where to call the beneficiary when they file themselves. */
  @JSONSchema({ title: 'Numéro de téléphone', description: WHEN_FILING_ALONE })
  @IsOptional()
  @IsPhone()
  phone?: string;
}

/** The beneficiary's home: the commune (INSEE code) decides the paying département and the team. */
@FormPart({
  title: 'Adresse de la personne âgée',
  description: 'L’adresse où elle vit aujourd’hui : la commune décide quel Département traite la demande.',
})
export class ApaAddress {
  /** Number and street. */
  @JSONSchema({ title: 'Adresse', description: 'Numéro et nom de la rue.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  line1: string;

  /** Building, staircase, place called (*lieu-dit*)… */
  @JSONSchema({ title: 'Complément d’adresse', description: 'Bâtiment, escalier, résidence, lieu-dit…' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  line2?: string;

  /** Postal code: it must be one of the commune's (a postal code covers several communes). */
  @JSONSchema({ title: 'Code postal' })
  @Matches(POSTAL_CODE, { message: 'doit être un code postal à 5 chiffres' })
  postalCode: string;

  /** INSEE code of the commune (*code officiel géographique*), not the postal code. */
  @JSONSchema({
    title: 'Commune',
    description: 'Plusieurs communes ont parfois le même code postal : vérifiez le nom de la commune.',
    ...COMMUNE_FIELD,
  })
  @Matches(INSEE_CODE, { message: 'doit être un code INSEE de commune (5 caractères)' })
  communeInsee: string;
}

/** Who fills the form: the beneficiary, a relative, or a legal guardian (*tuteur*, *curateur*). */
@FormPart({
  title: 'Qui fait la demande',
  description:
    'La demande peut être faite par la personne âgée elle-même, par un proche, ou par son tuteur ou curateur.',
})
export class ApaFiler {
  /** `self`: the beneficiary files; `relative`: a family member or close person; `guardian`: a legal guardian. */
  @JSONSchema({ title: 'Qui remplit cette demande ?', ...choices(FILER_KINDS, FILER_KIND_LABELS) })
  @IsIn(FILER_KINDS)
  kind: FilerKind;

  /** First name of the person filing for the beneficiary (required unless `kind` is `self`). */
  @JSONSchema({ title: 'Votre prénom', description: FOR_SOMEONE_ELSE, ...autocomplete('given-name') })
  @ValidateIf((filer: ApaFiler, value: unknown) => filer.kind !== 'self' || value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  firstName?: string;

  /** Last name of the person filing for the beneficiary (required unless `kind` is `self`). */
  @JSONSchema({ title: 'Votre nom', description: FOR_SOMEONE_ELSE, ...autocomplete('family-name') })
  @ValidateIf((filer: ApaFiler, value: unknown) => filer.kind !== 'self' || value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  lastName?: string;

  /** Link with the beneficiary, in the filer's words ("fille", "voisin", "mandataire judiciaire"). */
  @JSONSchema({
    title: 'Votre lien avec la personne âgée',
    description: 'Par exemple : fille, neveu, voisine, mandataire judiciaire.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX_LENGTH)
  relationship?: string;

  /** Where to write to the filer; with `phone`, at least one is needed when filing for someone else. */
  @JSONSchema({
    title: 'Votre adresse e-mail',
    description:
      'Le Département y écrit au sujet de la demande. Si vous faites la demande pour quelqu’un d’autre, ' +
      'indiquez au moins une adresse e-mail ou un numéro de téléphone.',
    ...autocomplete('email'),
  })
  @IsOptional()
  @IsEmail()
  email?: string;

  /** Where to call the filer. */
  @JSONSchema({
    title: 'Votre numéro de téléphone',
    description: 'Pour vous joindre si une information manque.',
    ...autocomplete('tel'),
  })
  @IsOptional()
  @IsPhone()
  phone?: string;
}

/** The beneficiary's spouse or partner (*conjoint, concubin ou partenaire de PACS*), asked for a couple. */
@FormPart({
  title: 'Identité du conjoint',
  description: 'La personne avec qui elle vit en couple : époux ou épouse, partenaire de PACS ou concubin.',
})
export class ApaSpouse extends PersonName {
  /** Date of birth, YYYY-MM-DD. */
  @JSONSchema({ title: 'Date de naissance' })
  @IsBirthDateString()
  birthDate: string;
}

/** Help the beneficiary already receives at home. */
@FormPart({
  title: 'Aides reçues aujourd’hui',
  description: 'Les aides dont la personne âgée bénéficie déjà chez elle.',
})
export class ApaCurrentHelp {
  /** A home help service (*aide à domicile*: housework, meals, personal care). */
  @JSONSchema({
    title: 'Un service d’aide à domicile vient-il chez elle ?',
    description: 'Pour le ménage, les repas ou la toilette.',
  })
  @IsBoolean()
  homeHelp: boolean;

  /** Home nursing (*soins infirmiers*, SSIAD). */
  @JSONSchema({
    title: 'Reçoit-elle des soins infirmiers à domicile ?',
    description: 'Par une infirmière ou un infirmier, ou un service de soins infirmiers à domicile (SSIAD).',
  })
  @IsBoolean()
  nursing: boolean;

  /** Any other help, in the filer's words (family carer, meals on wheels…). */
  @JSONSchema({
    title: 'Autres aides',
    description: 'Par exemple : un proche qui l’aide chaque jour, le portage de repas.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  other?: string;
}
