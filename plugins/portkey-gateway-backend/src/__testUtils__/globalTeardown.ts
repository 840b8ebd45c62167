import { stopLocalApiserver } from './localApiserver';

export default async function globalTeardown() {
  stopLocalApiserver();
}
