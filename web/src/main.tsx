/** Entry: mounts the app. Kept small: it is on the login page's critical path. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/providers.js';
import { initialLang } from './i18n/index.js';
import './styles/index.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
const lang = await initialLang();
createRoot(root).render(
  <StrictMode>
    <App lang={lang} />
  </StrictMode>,
);
