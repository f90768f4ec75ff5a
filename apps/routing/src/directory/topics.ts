/** The topics people ask about, and the topic each procedure belongs to. Codes are stable; labels are shown. */
export const TOPICS = {
  autonomie: 'Autonomie des personnes âgées (APA)',
  handicap: 'Handicap',
  'enfance-famille': 'Enfance et famille',
  insertion: 'Insertion et RSA',
  'subventions-communes': 'Subventions aux communes',
} as const;

export type TopicCode = keyof typeof TOPICS;
export const TOPIC_CODES = Object.keys(TOPICS) as TopicCode[];

/** Each procedure's topic: a rule for the topic covers the procedure unless a rule names the procedure. */
export const PROCEDURE_TOPICS: Record<string, TopicCode> = {
  apa: 'autonomie',
  apcr: 'subventions-communes',
};

export function isTopic(code: string): code is TopicCode {
  return code in TOPICS;
}

export function isProcedure(code: string): boolean {
  return code in PROCEDURE_TOPICS;
}
