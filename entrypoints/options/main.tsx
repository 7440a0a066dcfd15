/**
 * The options page: wiring only. The page talks to the background through
 * browser.runtime.sendMessage; everything else is in components/options.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '../../lib/messaging/client.ts';
import { OptionsApp } from '../../components/options/OptionsApp.tsx';
import { extensionOrigins, hostPermissionsFor } from '../../lib/online/permissions.ts';
import '../../components/options/options.css';
import '../../components/options/options-controls.css';

const send = createClient((message) => browser.runtime.sendMessage(message));
// Online mode's hosts, asked for from the switch's click and given back when it is turned off.
const origins = hostPermissionsFor(extensionOrigins());
const permissions = {
  request: () => browser.permissions.request({ origins }),
  remove: () => browser.permissions.remove({ origins }),
};
const root = document.getElementById('app');
if (root)
  render(<OptionsApp send={send} version={browser.runtime.getManifest().version} permissions={permissions} />, root);
