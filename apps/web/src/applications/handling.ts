/**
 * What intake tells of a file's handling (`handling` in the application view, an open object in the contract):
 * read defensively, each piece only when it has the expected shape. Pure.
 */
export interface PublicContact {
  name: string;
  address?: string;
  phone?: string;
  email?: string;
  hours?: string;
}

export interface Handling {
  team?: { code: string; contact: PublicContact };
  infoRequest?: { requestId: string; message: string; answerBy: string };
  decision?: {
    outcome: string;
    tacit: boolean;
    reason: string;
    amountCents?: number;
    remedies: string;
    decidedAt: string;
  };
  carePlan?: {
    planId: string;
    gir: number;
    planCents: number;
    participationCents: number;
    apaCents: number;
    answerBy: string;
    description?: string;
    status: string;
  };
  check?: {
    checkId: string;
    status: string;
    dueDate?: string;
    outcome?: string;
    proposal?: { outcome: string; reason: string; answerBy: string };
    answeredAt?: string;
  };
}

type Shape = Record<string, unknown>;

function isObject(value: unknown): value is Shape {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasStrings(value: unknown, ...keys: string[]): value is Shape {
  return isObject(value) && keys.every((key) => typeof value[key] === 'string');
}

export function readHandling(value: unknown): Handling {
  if (!isObject(value)) return {};
  const handling: Handling = {};
  if (isObject(value.team) && typeof value.team.code === 'string' && hasStrings(value.team.contact, 'name')) {
    handling.team = value.team as Handling['team'];
  }
  if (hasStrings(value.infoRequest, 'requestId', 'message', 'answerBy')) {
    handling.infoRequest = value.infoRequest as Handling['infoRequest'];
  }
  if (hasStrings(value.decision, 'outcome', 'reason', 'remedies', 'decidedAt')) {
    handling.decision = value.decision as Handling['decision'];
  }
  if (hasStrings(value.carePlan, 'planId', 'answerBy', 'status'))
    handling.carePlan = value.carePlan as Handling['carePlan'];
  if (hasStrings(value.check, 'checkId', 'status')) handling.check = value.check as Handling['check'];
  return handling;
}
