null.field = 1;
