/** The « find my contact » page from the routing API's answer. Pure. */
export interface ContactAnswer {
  commune: { code?: string; name?: string };
  topic: { code?: string; label?: string };
  team: { code?: string; name?: string };
  contact: { name?: string; address?: string; phone?: string; email?: string; hours?: string };
  reason: string;
  defaultTeam: boolean;
}

export interface CommuneChoice {
  code?: string;
  name?: string;
}

/** What was typed: five digits are a postal code, anything else a commune's name. */
export function communeQuery(text: string): { postalCode: string } | { communeName: string } | undefined {
  const value = text.trim();
  if (!value) return undefined;
  return /^\d{5}$/.test(value) ? { postalCode: value } : { communeName: value };
}

export function contactView(answer: ContactAnswer) {
  return {
    communeName: answer.commune.name ?? '',
    topicLabel: answer.topic.label ?? '',
    team: { name: answer.contact.name ?? answer.team.name ?? '', ...answer.contact },
    reason: answer.reason,
    defaultTeam: answer.defaultTeam,
  };
}
