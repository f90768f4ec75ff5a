export * from './api-clients.js';
export type { components as IntakeComponents, paths as IntakePaths } from './generated/intake.js';
export type { components as RoutingComponents, paths as RoutingPaths } from './generated/routing.js';
export type { components as ChecksComponents, paths as ChecksPaths } from './generated/checks.js';
export type {
  components as NotificationsComponents,
  paths as NotificationsPaths,
} from './generated/notifications.js';
