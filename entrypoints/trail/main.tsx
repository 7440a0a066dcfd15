/**
 * The reading trail page: wiring only. It talks to the background through
 * browser.runtime.sendMessage; everything else is in components/trail.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '../../lib/messaging/client.ts';
import { TrailPage } from '../../components/trail/TrailPage.tsx';
import { downloadText } from '../../components/options/OptionsApp.tsx';
import '../../components/options/options.css';
import '../../components/options/options-controls.css';

const send = createClient((message) => browser.runtime.sendMessage(message));
const root = document.getElementById('app');
if (root) render(<TrailPage send={send} download={downloadText} />, root);
