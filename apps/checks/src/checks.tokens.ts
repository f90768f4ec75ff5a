/** The checks service's configuration, for its providers. */
export const CHECKS_CONFIG = Symbol('CHECKS_CONFIG');
