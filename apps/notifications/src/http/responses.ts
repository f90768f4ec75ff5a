/** Error answers of the notifications API, in the platform's error format (README, « Errors »). */
export const R400 = { status: 400, description: 'Requête invalide (champs en erreur détaillés)' };
export const R401 = { status: 401, description: 'Jeton absent ou invalide' };
export const R403 = { status: 403, description: 'Rôle non autorisé' };
export const R404 = { status: 404, description: 'Message inconnu (ou d’une autre personne)' };
export const R409 = { status: 409, description: 'Le message n’est pas en échec : rien à renvoyer' };
export const ID_PARAM = { name: 'id', description: 'Identifiant du message', format: 'uuid' };
