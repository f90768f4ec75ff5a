import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';

/** One HTTP route as the Nest router maps it: `GET /api/applications/:id`. */
export interface NestRoute {
  method: string;
  path: string;
  /** `ControllerName.methodName`, to say which handler a route is. */
  handler: string;
}

type ModuleLike = Type | DynamicModule | Promise<DynamicModule> | { forwardRef: () => Type };

function joinPath(prefix: string, path: string): string {
  const joined = `/${[prefix, path]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return joined;
}

function asList(value: unknown): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function routesOfController(controller: Type): NestRoute[] {
  const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller));
  const prototype = controller.prototype as Record<string, unknown>;
  const routes: NestRoute[] = [];
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const handler = prototype[name];
    if (name === 'constructor' || typeof handler !== 'function') continue;
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    const paths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
    if (method === undefined || paths === undefined) continue;
    for (const prefix of prefixes) {
      for (const path of asList(paths)) {
        routes.push({
          method: RequestMethod[method],
          path: joinPath(prefix, path),
          handler: `${controller.name}.${name}`,
        });
      }
    }
  }
  return routes;
}

/**
 * Every HTTP route an application's root module declares, through its imports, read from the metadata the Nest router
 * maps routes from (the same decorators): what a matrix of rights must cover.
 */
export async function nestRoutesOf(root: ModuleLike): Promise<NestRoute[]> {
  const seen = new Set<unknown>();
  const controllers = new Set<Type>();
  const visit = async (entry: ModuleLike | undefined): Promise<void> => {
    if (!entry) return;
    const resolved: Type | DynamicModule =
      entry instanceof Promise ? await entry : 'forwardRef' in entry ? entry.forwardRef() : entry;
    if (seen.has(resolved)) return;
    seen.add(resolved);
    const moduleClass = 'module' in resolved ? resolved.module : resolved;
    const dynamic = 'module' in resolved ? resolved : undefined;
    const declared = (key: string) => (Reflect.getMetadata(key, moduleClass) as unknown[] | undefined) ?? [];
    for (const controller of [...declared(MODULE_METADATA.CONTROLLERS), ...(dynamic?.controllers ?? [])]) {
      controllers.add(controller as Type);
    }
    for (const imported of [...declared(MODULE_METADATA.IMPORTS), ...(dynamic?.imports ?? [])]) {
      await visit(imported as ModuleLike);
    }
  };
  await visit(root);
  return [...controllers].flatMap(routesOfController);
}
