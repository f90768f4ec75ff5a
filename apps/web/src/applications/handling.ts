import type { IntakeComponents } from '#api-client';

/** What intake tells of a file's handling (team, request for information, care plan, decision, control). */
export type Handling = IntakeComponents['schemas']['HandlingDoc'];
