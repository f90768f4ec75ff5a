/** An agent who may take a file, with the number of open files they already hold. */
export interface AgentLoad {
  subject: string;
  displayName: string;
  openFiles: number;
}

/**
 * The agent to suggest to a supervisor: the least loaded by open files; on a tie, the first by name, then by
 * subject, so that the suggestion is stable. Null for a team without agents.
 */
export function leastLoaded(agents: readonly AgentLoad[]): AgentLoad | null {
  const sorted = [...agents].sort(
    (a, b) =>
      a.openFiles - b.openFiles ||
      a.displayName.localeCompare(b.displayName, 'fr') ||
      a.subject.localeCompare(b.subject),
  );
  return sorted[0] ?? null;
}
