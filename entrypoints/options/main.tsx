/**
 * The options page: wiring only. The page talks to the background through
 * browser.runtime.sendMessage; everything else is in components/options.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '../../lib/messaging/client.ts';
import { OptionsApp } from '../../components/options/OptionsApp.tsx';
import '../../components/options/options.css';
import '../../components/options/options-controls.css';

const send = createClient((message) => browser.runtime.sendMessage(message));
const root = document.getElementById('app');
if (root) render(<OptionsApp send={send} version={browser.runtime.getManifest().version} />, root);
