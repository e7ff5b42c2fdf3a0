import { closeFactories } from './factories';

afterAll(async () => {
  await closeFactories();
});
