/**
 * The production config's test stage (scripts/test-postgres.sh): a throwaway PostgreSQL
 * from Debian's binaries, and the portal's backend on it with app-config.production.yaml.
 */
export {
  startTestPostgres,
  type TestPostgres,
} from './postgres/startTestPostgres';
export {
  startProductionPortal,
  type ProductionPortal,
} from './portal/startProductionPortal';
