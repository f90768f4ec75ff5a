import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system) and parent of a process, from a line of /proc/<pid>/stat (clock ticks of 1/100 s). */
export function parseProcStat(line: string): { parentPid: number; cpuMs: number } {
  // The command name (field 2) is in parentheses and may hold spaces: the fields after the last ')' are fixed.
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { parentPid: Number(fields[1]), cpuMs: ticks * 10 };
}

/** Resident memory in MB from /proc/<pid>/status (VmRSS, in kB). */
export function parseRssMb(status: string): number {
  const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
  return kilobytes / 1024;
}

function readStat(pid: number): { parentPid: number; cpuMs: number } | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // the process ended
  }
}

/** CPU milliseconds used so far by a process and, with `descendants`, every process under it (PostgreSQL's). */
export function cpuMsOf(pid: number, descendants = false): number {
  const own = readStat(pid)?.cpuMs ?? 0;
  if (!descendants) return own;
  const parents = new Map<number, number[]>();
  const usage = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const child = Number(entry);
    if (!Number.isInteger(child)) continue;
    const stat = readStat(child);
    if (!stat) continue;
    usage.set(child, stat.cpuMs);
    parents.set(stat.parentPid, [...(parents.get(stat.parentPid) ?? []), child]);
  }
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop() as number;
    total += usage.get(current) ?? 0;
    queue.push(...(parents.get(current) ?? []));
  }
  return total;
}

export function rssMbOf(pid: number): number {
  try {
    return parseRssMb(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return 0;
  }
}
