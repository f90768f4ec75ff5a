import type { RoutingConfig } from '../routing.config.js';

export const DIRECTORY_SETTINGS = Symbol('DIRECTORY_SETTINGS');

export interface DirectorySettings {
  /** Load the demo directory of the Calvados when the directory is empty. */
  loadDemo: boolean;
  /** How often a replica checks whether another one changed the directory, in ms. */
  refreshMs: number;
}

export function directorySettings(config: RoutingConfig): DirectorySettings {
  return { loadDemo: config.DIRECTORY_DEMO, refreshMs: config.DIRECTORY_REFRESH_MS };
}
