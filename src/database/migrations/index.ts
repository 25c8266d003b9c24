// Every migration, in order. Listed explicitly so ts-node, jest and the compiled app load the same set.
import { InitialSchema1795481793376 } from './1795481793376-InitialSchema';

export const MIGRATIONS: Function[] = [InitialSchema1795481793376];
