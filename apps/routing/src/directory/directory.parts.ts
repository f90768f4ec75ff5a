import type { Provider } from '@nestjs/common';
import { DirectoryTables1764000200000 } from '../migrations/1764000200000-directory-tables.js';
import type { RoutingConfig } from '../routing.config.js';
import { ContactsService } from './contacts.service.js';
import { DirectoryIndex } from './directory-index.js';
import { DirectoryService } from './directory.service.js';
import { DIRECTORY_SETTINGS, directorySettings } from './directory.settings.js';
import { ContactsController } from './http/contacts.controller.js';
import { DirectoryController } from './http/directory.controller.js';
import { LiveDirectoryIndex } from './live-directory-index.js';

/** What the directory adds to the routing module: it binds the `DirectoryIndex` port the back office reads. */
export const DIRECTORY_MIGRATIONS = [DirectoryTables1764000200000];
export const DIRECTORY_CONTROLLERS = [ContactsController, DirectoryController];

export function directoryProviders(config: RoutingConfig): Provider[] {
  return [
    { provide: DIRECTORY_SETTINGS, useValue: directorySettings(config) },
    LiveDirectoryIndex,
    { provide: DirectoryIndex, useExisting: LiveDirectoryIndex },
    DirectoryService,
    ContactsService,
  ];
}
