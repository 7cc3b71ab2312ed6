import { lazy } from 'react';
import { Navigate, useLocation } from 'react-router';

/** A route that only moves on to `pathname`, keeping the query (e.g. `?tab=tests`). */
export const redirectTo = (pathname: string) =>
  lazy(async () => ({
    default: function Redirect() {
      const { search } = useLocation();
      return <Navigate to={{ pathname, search }} replace />;
    },
  }));
