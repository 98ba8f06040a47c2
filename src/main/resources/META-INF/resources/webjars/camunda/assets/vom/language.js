// The staff language (de, da or en). The server serves its own version of this file with the programme's staff language.
export default 'en';
