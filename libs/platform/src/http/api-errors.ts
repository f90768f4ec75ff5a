import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/**
 * The platform's error format (README, "Errors") described for OpenAPI, and one decorator listing the error answers
 * of an operation, for every service.
 */
export class ApiErrorDetail {
  @ApiProperty({ example: 'purpose', description: 'Le champ (ou paramètre) en cause' })
  field: string;

  @ApiProperty({ example: 'doit être l’une des valeurs : instruction, decision, …' })
  reason: string;
}

export class ApiErrorContent {
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code: string;

  @ApiProperty({ example: 'Certains champs sont invalides.' })
  message: string;

  @ApiPropertyOptional({ type: [ApiErrorDetail] })
  details: ApiErrorDetail[];
}

export class ApiErrorBody {
  @ApiProperty({ type: ApiErrorContent })
  error: ApiErrorContent;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Requête invalide : chaque champ en erreur est nommé, avec la raison',
  401: 'Jeton absent ou invalide',
  403: 'Rôle non autorisé, ou ressource hors de votre périmètre (dossier d’une autre équipe…)',
  404: 'Ressource inconnue (ou d’un autre usager)',
  409: 'Conflit : l’état de la ressource ne permet pas cette action, ou elle existe déjà',
  413: 'Fichier ou corps de requête trop volumineux',
  422: 'Une règle métier refuse la demande',
  500: 'Erreur interne (le détail est dans les journaux, avec l’identifiant de corrélation)',
  503: 'Service momentanément indisponible (une dépendance ne répond pas) : réessayer plus tard',
};

/** The error answers of an operation, each with the platform's error body. */
export function ApiErrors(...statuses: (keyof typeof DESCRIPTIONS)[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ApiErrorBody),
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], type: ApiErrorBody }),
    ),
  );
}
