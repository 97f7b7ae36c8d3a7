// svelte-check reads the Svelte options from the nearest config; this fixture needs none (Svelte 5 reads TypeScript itself).
export default {};
