import type { PublicContact } from '#domain';

/** A team as the rest of routing sees it: its code, name and public contact. */
export interface TeamView {
  code: string;
  name: string;
  contact: PublicContact;
}

/** An agent of a team: their login subject (the `sub` of their token), name and e-mail. */
export interface AgentView {
  subject: string;
  displayName: string;
  email?: string;
  teamCodes: string[];
}

/** Which team handles a (procedure or topic, commune), and why. */
export interface RoutingResolution {
  team: TeamView;
  /** The rule that won (most specific area), or null when the default team was used. */
  ruleId: string | null;
  /** True when no rule covered the key and the default team was used: the file is flagged. */
  defaultTeam: boolean;
  /** Why, in plain French ("règle « autonomie » pour l’EPCI Bayeux Intercom"). */
  reason: string;
}

/**
 * The in-memory view of the directory that routing reads on its hot paths (find-my-contact, routing a file, the
 * agents of a team). Implemented by the directory feature; it follows every directory change.
 */
export abstract class DirectoryIndex {
  /** `subject` is a procedure code ('apa') or a topic code ('autonomie'); `communeInsee` an INSEE code. */
  abstract resolve(subject: string, communeInsee: string): RoutingResolution;
  abstract team(code: string): TeamView | undefined;
  abstract agentsOf(teamCode: string): AgentView[];
}
