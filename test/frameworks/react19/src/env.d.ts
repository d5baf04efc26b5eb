/// <reference types="@classlens/elements/react-jsx" />
