// Imported by ./sqlite.ts before db/schema.ts (see there).
import { chooseTablesDialect } from '../dialect.ts';

chooseTablesDialect('sqlite');
