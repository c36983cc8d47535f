import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit handler that hands the form's data to a useActionState dispatcher. Forms use it
 * rather than `<form action>` because React resets a form after every action: when the server
 * refuses a submission, the user would lose what they typed (a long contribution, a pasted
 * source text).
 */
export function submitKeepingValues(dispatch: (data: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
}
