import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { budgetFor, type BudgetName, ConfigurationError } from '#platform';
import type { EdgeConfig } from './edge.config.js';
import { type Budget, BUDGET_VARIABLES, parseBudget, subjectOf } from './rate-budgets.js';

/** A request let through (with how to give back the person's point), or refused until `retryAfterSeconds`. */
export type LimitDecision =
  { allowed: true; giveBack: () => void } | { allowed: false; retryAfterSeconds: number };

interface Limiters {
  address: RateLimiterMemory;
  person?: RateLimiterMemory;
}

const LET_THROUGH: LimitDecision = { allowed: true, giveBack: () => undefined };

function limiter(budget: Budget, multiplier: number, name: string): RateLimiterMemory {
  return new RateLimiterMemory({
    keyPrefix: name,
    points: budget.points * multiplier,
    duration: budget.seconds,
  });
}

function budgetOf(config: EdgeConfig, variable: string): Budget {
  const budget = parseBudget(String(config[variable as keyof EdgeConfig]));
  if (!budget) throw new ConfigurationError([{ variable, reason: 'attendu « requêtes/secondes », ≥ 1' }]);
  return budget;
}

/**
 * The door's rate limits: each budget counted per client address and, for signed-in writes, per person too. Counters
 * live in this process (one edge replica); README « Security and privacy » says how to run several.
 */
export class DoorLimits {
  private constructor(
    private readonly limiters: Map<BudgetName, Limiters>,
    private readonly trusted: (address: string, hop: number) => boolean,
  ) {}

  static fromConfig(config: EdgeConfig): DoorLimits {
    let trusted: (address: string, hop: number) => boolean;
    try {
      trusted = proxyaddr.compile(
        config.TRUSTED_PROXIES.split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      );
    } catch (error) {
      throw new ConfigurationError([{ variable: 'TRUSTED_PROXIES', reason: (error as Error).message }]);
    }
    const limiters = new Map<BudgetName, Limiters>();
    const multiplier = config.RATE_LIMIT_MULTIPLIER;
    for (const [name, variables] of Object.entries(BUDGET_VARIABLES) as [
      BudgetName,
      (typeof BUDGET_VARIABLES)[BudgetName],
    ][]) {
      const address = budgetOf(config, variables.address);
      const person = variables.person ? budgetOf(config, variables.person) : undefined;
      if (multiplier === 0) continue;
      limiters.set(name, {
        address: limiter(address, multiplier, `${name}:address`),
        person: person && limiter(person, multiplier, `${name}:person`),
      });
    }
    return new DoorLimits(limiters, trusted);
  }

  /** The client's address: the peer, or what a trusted proxy says in X-Forwarded-For. */
  clientAddress(request: IncomingMessage): string {
    return proxyaddr(request as Parameters<typeof proxyaddr>[0], this.trusted);
  }

  /** Takes a point from each budget the request draws on; refuses it when one is spent. */
  async take(request: IncomingMessage): Promise<LimitDecision> {
    const draw = budgetFor(request.method, request.url ?? '/');
    const limiters = draw && this.limiters.get(draw.name);
    if (!draw || !limiters) return LET_THROUGH;
    const subject = draw.bySubject && limiters.person ? subjectOf(request.headers.authorization) : null;
    const person = subject ? limiters.person : undefined;
    const attempts = await Promise.all([
      consume(limiters.address, this.clientAddress(request)),
      person && subject ? consume(person, subject) : null,
    ]);
    const refused = attempts.filter((attempt): attempt is number => typeof attempt === 'number');
    if (refused.length > 0) return { allowed: false, retryAfterSeconds: Math.max(...refused) };
    return {
      allowed: true,
      giveBack: () => {
        if (person && subject) void person.reward(subject, 1).catch(() => undefined);
      },
    };
  }
}

/** Null when the point was taken; the seconds to wait when the budget is spent. */
async function consume(limiter: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
