// Imported by ./postgres.ts before db/schema.ts (see there).
import { chooseTablesDialect } from '../dialect.ts';

chooseTablesDialect('postgres');
