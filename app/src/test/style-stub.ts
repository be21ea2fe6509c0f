// CSS imports (Crayons' stylesheet, styles.css) mean nothing under jsdom; jest maps them here.
export const styles = {};
