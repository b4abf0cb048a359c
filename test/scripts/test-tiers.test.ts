import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tierOf } from '../../scripts/test-tiers';

describe('test tiers', () => {
  it('puts end-to-end files in e2e whatever they use', () => {
    assert.equal(tierOf('test/e2e/dual-pane.test.ts', 'const fleet = await useFleet();'), 'e2e');
  });

  it('puts files that join the fleet or build network namespaces in servers, even when they also run the build', () => {
    assert.equal(tierOf('test/cli/cli.test.ts', "const info = await useFleet();\nconst cli = '../../dist/cli/index.cjs';"), 'servers');
    assert.equal(tierOf('test/doctor/x.test.ts', "import { inNamespace } from '../servers/network-namespace';"), 'servers');
  });

  it('puts files that give files to another user in servers: chown needs root, which the unit tier does not have', () => {
    assert.equal(tierOf('test/services/scratch-space.test.ts', 'chownSync(parent, NOBODY, NOBODY);'), 'servers');
  });

  it('puts tests of the built bundles and of the installers in packaging', () => {
    assert.equal(tierOf('test/app/main-bundle.test.ts', "import { loadMainBundle } from './electron-stand-in';"), 'packaging');
    assert.equal(tierOf('test/packaging/config.test.ts', ''), 'packaging');
  });

  it('leaves everything else to the unit tier: a scripted loopback server is not a server of the fleet', () => {
    assert.equal(tierOf('test/ftps/listing.test.ts', "import { startHostileServer } from '../hostile/hostile-server';"), 'unit');
  });
});
