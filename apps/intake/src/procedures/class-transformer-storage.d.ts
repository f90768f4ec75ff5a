// class-transformer keeps its @Type() metadata in this singleton but only declares it in its `types/` folder.
declare module 'class-transformer/cjs/storage.js' {
  import type { MetadataStorage } from 'class-transformer/types/MetadataStorage.js';

  export const defaultMetadataStorage: MetadataStorage;
}
