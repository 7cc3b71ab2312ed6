import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { webModules } from '../modules/index.ts';
import { platformWebModule } from '../platform/pages/index.ts';
import { Providers } from './providers.tsx';
import { createAppRouter } from './router.tsx';
import './styles.css';

const router = createAppRouter([platformWebModule, ...webModules]);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}
